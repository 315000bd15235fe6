#ifndef EDGEPLAN_CPOSIX_H
#define EDGEPLAN_CPOSIX_H

#include "chttp.h"

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE, macOS renamex_np with
/// RENAME_SWAP). Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or the
/// kernel cannot swap, so the caller can fall back).
int edgeplan_rename_exchange(const char *from, const char *to);

/// Flushes the whole file system that holds `fd` to disk once (Linux syncfs; fsync elsewhere).
int edgeplan_syncfs(int fd);

#endif
