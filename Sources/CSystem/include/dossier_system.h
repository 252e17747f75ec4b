#ifndef DOSSIER_SYSTEM_H
#define DOSSIER_SYSTEM_H

/// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE, macOS renamex_np with
/// RENAME_SWAP). Returns 0 on success, -1 with errno set on failure.
int dossier_exchange(const char *first, const char *second);

/// Gives memory freed by a finished stage back to the system (glibc `malloc_trim`; elsewhere
/// nothing), so that the peak of a build is the largest stage, not the sum of all of them.
void dossier_release_free_memory(void);



#include <stddef.h>
#include <stdint.h>
/// libFuzzer's driver; only the fuzzing build (which links libFuzzer) calls it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
