# edgeplan shop-auto: EKS cluster shop-auto-eks

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

resource "aws_iam_role" "eks_cluster_role" {
  description = "EKS control plane of shop-auto-eks"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "eks.amazonaws.com"
        }
        Action = ["sts:AssumeRole", "sts:TagSession"]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "eks_cluster_role_amazon_eks_cluster_policy" {
  role       = aws_iam_role.eks_cluster_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role_policy_attachment" "eks_cluster_role_amazon_eks_compute_policy" {
  role       = aws_iam_role.eks_cluster_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSComputePolicy"
}

resource "aws_iam_role_policy_attachment" "eks_cluster_role_amazon_eks_block_storage_policy" {
  role       = aws_iam_role.eks_cluster_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSBlockStoragePolicy"
}

resource "aws_iam_role_policy_attachment" "eks_cluster_role_amazon_eks_load_balancing_policy" {
  role       = aws_iam_role.eks_cluster_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSLoadBalancingPolicy"
}

resource "aws_iam_role_policy_attachment" "eks_cluster_role_amazon_eks_networking_policy" {
  role       = aws_iam_role.eks_cluster_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSNetworkingPolicy"
}

resource "aws_security_group" "eks_cluster_control_plane_security_group" {
  description = "EKS control plane ENIs of shop-auto-eks"
  vpc_id      = var.network.vpc_id
  egress {
    description = "To nodes and pods in the VPC"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = [var.network.vpc_cidr]
  }
  tags = {
    Name = "shop-auto-eks-control-plane"
  }
}

resource "aws_kms_key" "eks_secrets_key" {
  description         = "Encrypts the Kubernetes secrets of shop-auto-eks"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "AccountAdministers"
        Effect = "Allow"
        Principal = {
          AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
        }
        Action   = "kms:*"
        Resource = "*"
      },
    ]
  })
  deletion_window_in_days = 30
}

resource "aws_eks_cluster" "eks_cluster" {
  #checkov:skip=CKV_AWS_339:The version is the plan's (limits/aws.json eksVersions, standard support judged on its asOf day); checkov's own list of supported versions is older.
  name     = "shop-auto-eks"
  version  = var.kubernetes_version
  role_arn = aws_iam_role.eks_cluster_role.arn
  vpc_config {
    subnet_ids              = var.network.subnet_ids.nodes
    security_group_ids      = [aws_security_group.eks_cluster_control_plane_security_group.id]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
  access_config {
    authentication_mode                         = "API_AND_CONFIG_MAP"
    bootstrap_cluster_creator_admin_permissions = true
  }
  encryption_config {
    provider {
      key_arn = aws_kms_key.eks_secrets_key.arn
    }
    resources = ["secrets"]
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  compute_config {
    enabled       = true
    node_pools    = ["general-purpose", "system"]
    node_role_arn = aws_iam_role.eks_node_role.arn
  }
  storage_config {
    block_storage {
      enabled = true
    }
  }
  kubernetes_network_config {
    elastic_load_balancing {
      enabled = true
    }
  }
  bootstrap_self_managed_addons = false
}

resource "aws_iam_role" "eks_node_role" {
  description = "EKS Auto Mode nodes of shop-auto-eks"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ec2.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "eks_node_role_amazon_eks_worker_node_minimal_policy" {
  role       = aws_iam_role.eks_node_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSWorkerNodeMinimalPolicy"
}

resource "aws_iam_role_policy_attachment" "eks_node_role_amazon_ec2_container_registry_pull_only" {
  role       = aws_iam_role.eks_node_role.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly"
}
