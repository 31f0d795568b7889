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

/// Splits `text` (UTF-16, `length` code units) into sentences with ICU's
/// sentence break iterator (UAX #29). Writes up to `capacity` sentence ends
/// (UTF-16 offsets, end exclusive; each sentence starts where the previous one
/// ended, the first at 0) and returns the total number of sentences, which may
/// exceed `capacity`, or -1 when ICU fails. The iterator is opened once per
/// thread and reused.
int32_t cicu_sentence_ends(const uint16_t *text, int32_t length, int32_t *ends, int32_t capacity);

/// Applies NFKC normalisation with full Unicode case folding
/// (NFKC_Casefold) to `text`, writing at most `capacity` UTF-16 code units to
/// `output`. Returns the length of the full result (which may exceed
/// `capacity`), or -1 when ICU fails.
int32_t cicu_nfkc_casefold(const uint16_t *text, int32_t length,
                           uint16_t *output, int32_t capacity);

/// Compiles an ICU regular expression (UTF-16 `pattern`), case-insensitive
/// when `case_insensitive` is non-zero. Returns an opaque handle to free with
/// `cicu_regex_free`, or NULL when the pattern is invalid.
void *cicu_regex_compile(const uint16_t *pattern, int32_t length, int32_t case_insensitive);

/// Frees a handle from `cicu_regex_compile`.
void cicu_regex_free(void *regex);

/// Finds up to `capacity` non-overlapping matches of `regex` in `text`,
/// writing UTF-16 `starts` and `ends`. Safe to call from several threads on
/// one handle: each call matches with its own clone. The match engine stops
/// after `time_limit` steps (about a millisecond each), so a pattern that
/// backtracks catastrophically costs bounded time. Returns the number of
/// matches, -1 on error, or -2 when the time limit cut the search short (the
/// matches found before are still written; call again with the count).
int32_t cicu_regex_find_all(void *regex, const uint16_t *text, int32_t length, int32_t *starts, int32_t *ends,
                            int32_t capacity, int32_t time_limit, int32_t *found);

/// Turns traditional Chinese characters in `text` (UTF-16, `length` units, room for
/// `capacity`) into simplified ones in place, with ICU's Traditional-Simplified
/// transliterator (opened once per thread). Returns the new length, or -1 when
/// the transliterator is missing or the text would not fit.
int32_t cicu_simplified(uint16_t *text, int32_t length, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
