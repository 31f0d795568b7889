// libFuzzer's driver, for a program with a main of its own (LLVM's libFuzzer
// documentation, "Using libFuzzer as a library"; compiler-rt, Apache-2.0 with LLVM exceptions).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
