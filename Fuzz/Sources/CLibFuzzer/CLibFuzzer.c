// The declaration in include/CLibFuzzer.h is all there is: libFuzzer itself comes with -sanitize=fuzzer.
#include "CLibFuzzer.h"
