#include "CICU.h"

#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>

static pthread_key_t breaker_key;
static pthread_once_t breaker_once = PTHREAD_ONCE_INIT;

static void close_breaker(void *breaker) {
    if (breaker != NULL) {
        ubrk_close((UBreakIterator *)breaker);
    }
}

static void make_breaker_key(void) {
    pthread_key_create(&breaker_key, close_breaker);
}

/// The calling thread's word break iterator, opened on first use.
static UBreakIterator *thread_breaker(void) {
    pthread_once(&breaker_once, make_breaker_key);
    UBreakIterator *breaker = (UBreakIterator *)pthread_getspecific(breaker_key);
    if (breaker == NULL) {
        UErrorCode status = U_ZERO_ERROR;
        breaker = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
        if (U_FAILURE(status)) {
            return NULL;
        }
        pthread_setspecific(breaker_key, breaker);
    }
    return breaker;
}

int32_t cicu_word_segments(const uint16_t *text, int32_t length,
                           int32_t *starts, int32_t *ends, int32_t *statuses,
                           int32_t capacity) {
    if (length <= 0) {
        return 0;
    }
    UBreakIterator *breaker = thread_breaker();
    if (breaker == NULL) {
        return -1;
    }
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        return -1;
    }
    int32_t count = 0;
    int32_t start = ubrk_first(breaker);
    for (int32_t end = ubrk_next(breaker); end != UBRK_DONE; end = ubrk_next(breaker)) {
        if (count < capacity) {
            starts[count] = start;
            ends[count] = end;
            int32_t rule = ubrk_getRuleStatus(breaker);
            statuses[count] = rule - rule % 100;
        }
        count += 1;
        start = end;
    }
    /* Detach the caller's buffer so the iterator never holds a dangling pointer. */
    ubrk_setText(breaker, (const UChar *)text, 0, &status);
    return count;
}

static pthread_key_t sentence_breaker_key;
static pthread_once_t sentence_breaker_once = PTHREAD_ONCE_INIT;

static void make_sentence_breaker_key(void) {
    pthread_key_create(&sentence_breaker_key, close_breaker);
}

/// The calling thread's sentence break iterator, opened on first use.
static UBreakIterator *thread_sentence_breaker(void) {
    pthread_once(&sentence_breaker_once, make_sentence_breaker_key);
    UBreakIterator *breaker = (UBreakIterator *)pthread_getspecific(sentence_breaker_key);
    if (breaker == NULL) {
        UErrorCode status = U_ZERO_ERROR;
        breaker = ubrk_open(UBRK_SENTENCE, "", NULL, 0, &status);
        if (U_FAILURE(status)) {
            return NULL;
        }
        pthread_setspecific(sentence_breaker_key, breaker);
    }
    return breaker;
}

int32_t cicu_sentence_ends(const uint16_t *text, int32_t length, int32_t *ends, int32_t capacity) {
    if (length <= 0) {
        return 0;
    }
    UBreakIterator *breaker = thread_sentence_breaker();
    if (breaker == NULL) {
        return -1;
    }
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        return -1;
    }
    int32_t count = 0;
    ubrk_first(breaker);
    for (int32_t end = ubrk_next(breaker); end != UBRK_DONE; end = ubrk_next(breaker)) {
        if (count < capacity) {
            ends[count] = end;
        }
        count += 1;
    }
    ubrk_setText(breaker, (const UChar *)text, 0, &status);
    return count;
}

int32_t cicu_nfkc_casefold(const uint16_t *text, int32_t length,
                           uint16_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) {
        return -1;
    }
    int32_t written = unorm2_normalize(normalizer, (const UChar *)text, length,
                                       (UChar *)output, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        return written;
    }
    if (U_FAILURE(status)) {
        return -1;
    }
    return written;
}

void *cicu_regex_compile(const uint16_t *pattern, int32_t length, int32_t case_insensitive) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    URegularExpression *regex = uregex_open((const UChar *)pattern, length,
                                            case_insensitive ? UREGEX_CASE_INSENSITIVE : 0,
                                            &parse_error, &status);
    if (U_FAILURE(status)) {
        return NULL;
    }
    return regex;
}

void cicu_regex_free(void *regex) {
    if (regex != NULL) {
        uregex_close((URegularExpression *)regex);
    }
}

int32_t cicu_regex_find_all(void *regex, const uint16_t *text, int32_t length, int32_t *starts, int32_t *ends,
                            int32_t capacity, int32_t time_limit, int32_t *found) {
    *found = 0;
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *clone = uregex_clone((const URegularExpression *)regex, &status);
    if (U_FAILURE(status)) {
        return -1;
    }
    uregex_setTimeLimit(clone, time_limit, &status);
    uregex_setText(clone, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        uregex_close(clone);
        return -1;
    }
    int32_t count = 0;
    int32_t result = 0;
    while (count < capacity) {
        UBool matched = uregex_findNext(clone, &status);
        if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW) {
            result = -2;
            break;
        }
        if (U_FAILURE(status) || !matched) {
            break;
        }
        int32_t start = uregex_start(clone, 0, &status);
        int32_t end = uregex_end(clone, 0, &status);
        if (U_FAILURE(status)) {
            result = -1;
            break;
        }
        if (end > start) {
            starts[count] = start;
            ends[count] = end;
            count += 1;
        }
    }
    uregex_close(clone);
    *found = count;
    return result < 0 ? result : count;
}

static pthread_key_t simplifier_key;
static pthread_once_t simplifier_once = PTHREAD_ONCE_INIT;

static void close_simplifier(void *simplifier) {
    if (simplifier != NULL) {
        utrans_close((UTransliterator *)simplifier);
    }
}

static void make_simplifier_key(void) {
    pthread_key_create(&simplifier_key, close_simplifier);
}

/// The calling thread's Traditional-Simplified transliterator, opened on first use.
static UTransliterator *thread_simplifier(void) {
    pthread_once(&simplifier_once, make_simplifier_key);
    UTransliterator *simplifier = (UTransliterator *)pthread_getspecific(simplifier_key);
    if (simplifier == NULL) {
        UErrorCode status = U_ZERO_ERROR;
        static const UChar id[] = {'T', 'r', 'a', 'd', 'i', 't', 'i', 'o', 'n', 'a', 'l', '-',
                                   'S', 'i', 'm', 'p', 'l', 'i', 'f', 'i', 'e', 'd', 0};
        simplifier = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
        if (U_FAILURE(status)) {
            return NULL;
        }
        pthread_setspecific(simplifier_key, simplifier);
    }
    return simplifier;
}

int32_t cicu_simplified(uint16_t *text, int32_t length, int32_t capacity) {
    UTransliterator *simplifier = thread_simplifier();
    if (simplifier == NULL) {
        return -1;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(simplifier, (UChar *)text, &textLength, capacity, 0, &limit, &status);
    if (U_FAILURE(status)) {
        return -1;
    }
    return textLength;
}
