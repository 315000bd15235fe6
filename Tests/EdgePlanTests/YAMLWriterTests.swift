import EdgePlanCore
import Testing

/// The YAML writer quotes whatever YAML could read as something other than the string it is.
@Suite struct YAMLWriterTests {
    @Test func quotesWhatYAMLWouldMisread() {
        let value: JSONValue = [
            "plain": "ingress-nginx/ingress-nginx",
            "arn": "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/x/y",
            "bool-like": "true", "yes": "yes", "on": "On", "null": "null", "tilde": "~",
            "number": "80", "version": "1.31", "cidr": "0.0.0.0/0", "empty": "",
            "indicator": "*", "colon-space": "a: b", "trailing-colon": "a:", "hash": "a #b", "braces": "{proxy+}",
            "placeholder": "${WEB_ACL_ARN}", "route": "$default", "int": 443, "flag": true,
        ]
        #expect(value.yamlSerialized() == """
        plain: ingress-nginx/ingress-nginx
        arn: arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/x/y
        bool-like: "true"
        "yes": "yes"
        "on": "On"
        "null": "null"
        tilde: "~"
        number: "80"
        version: "1.31"
        cidr: "0.0.0.0/0"
        empty: ""
        indicator: "*"
        colon-space: "a: b"
        trailing-colon: "a:"
        hash: "a #b"
        braces: "{proxy+}"
        placeholder: ${WEB_ACL_ARN}
        route: $default
        int: 443
        flag: true

        """)
    }

    @Test func nestsBlocksAndKeepsTextExact() {
        let value: JSONValue = [
            "list": [["a": 1, "b": [2, 3]], [], "x"],
            "empty": [:],
            "code": "import os\n\nprint(1)\n",
            "no-newline": "a\nb",
            "two-newlines": "a\n\n",
        ]
        #expect(value.yamlSerialized() == """
        list:
          - a: 1
            b:
              - 2
              - 3
          - []
          - x
        empty: {}
        code: |
          import os

          print(1)
        no-newline: |-
          a
          b
        two-newlines: |+
          a


        """)
    }
}
