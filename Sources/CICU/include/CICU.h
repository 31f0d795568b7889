#ifndef PARLEY_CICU_H
#define PARLEY_CICU_H

#include <stdint.h>

/// A thin shim over the system's libicu. The header deliberately exposes no
/// ICU types, so that Swift modules importing it do not clash with the ICU
/// copy bundled inside Foundation.

#ifdef __cplusplus
extern "C" {
#endif

/// Word-break rule status classes, as reported by ICU's word break iterator.
enum {
    CICU_WORD_NONE = 0,     ///< spaces, punctuation, symbols, emoji
    CICU_WORD_NUMBER = 100, ///< numbers such as 42, 12.50, 1,000
    CICU_WORD_LETTER = 200, ///< words with letters (alphabetic scripts)
    CICU_WORD_KANA = 300,   ///< Japanese kana
    CICU_WORD_IDEO = 400    ///< ideographs (Chinese, Japanese kanji), dictionary-segmented
};

/// Splits `text` (UTF-16, `length` code units) into word-break segments.
///
/// Writes up to `capacity` segments as `starts[i]`, `ends[i]` (UTF-16 offsets,
/// end exclusive) and `statuses[i]` (a `CICU_WORD_*` class). Returns the total
/// number of segments, which may exceed `capacity` (call again with more room),
/// or -1 when ICU fails. The break iterator is opened once per thread and
/// reused with `ubrk_setText`.
int32_t cicu_word_segments(const uint16_t *text, int32_t length,
                           int32_t *starts, int32_t *ends, int32_t *statuses,
                           int32_t capacity);

/// Applies NFKC normalisation with full Unicode case folding
/// (NFKC_Casefold) to `text`, writing at most `capacity` UTF-16 code units to
/// `output`. Returns the length of the full result (which may exceed
/// `capacity`), or -1 when ICU fails.
int32_t cicu_nfkc_casefold(const uint16_t *text, int32_t length,
                           uint16_t *output, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
