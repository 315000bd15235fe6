#ifndef EDGEPLAN_CHTTP_H
#define EDGEPLAN_CHTTP_H

#include <stddef.h>

/// Called with each piece of a 200 answer's body as it arrives, with the length the answer
/// announced (-1 if none). Returns 1 to go on, 0 to stop the transfer (the caller keeps why).
typedef int (*edgeplan_http_chunk)(void *context, const char *bytes, size_t count, long long length);

/// What one GET ended with.
typedef struct {
    /// 0: the transfer ran to its end (or `chunk` stopped it); 1: libcurl could not be loaded
    /// (`message` says why); 2: libcurl failed (`curl_code`, `message`).
    int outcome;
    /// libcurl's CURLcode, when `outcome` is 2.
    int curl_code;
    /// The HTTP status, 0 when no answer arrived.
    long status;
    /// The length the answer announced, -1 if none.
    long long length;
    /// `chunk` asked to stop.
    int stopped;
    char message[512];
} edgeplan_http_result;

/// GETs `url` with the system's libcurl, loaded when first needed (dlopen), so that a process that
/// never downloads does not load libcurl and the libraries behind it. Follows no redirect; gives up
/// after `idle_seconds` without data or `total_seconds` in all. Only a 200 answer's body goes to `chunk`.
void edgeplan_http_get(const char *url, const char *user_agent, long idle_seconds, long total_seconds,
                       edgeplan_http_chunk chunk, void *context, edgeplan_http_result *result);

#endif
