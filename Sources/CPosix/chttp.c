// HTTP GET over the system's libcurl, opened with dlopen on first use. Linking libcurl (or Swift's
// FoundationNetworking, which links it) would make every edgeplan process load libcurl and the
// thirty-odd libraries behind it at start-up, about 9 ms, for the one command that downloads.
//
// libcurl's ABI is stable (curl.h: "the option numbers are part of the ABI and never change"), so
// the few option and info numbers used are written here as curl.h defines them, with their names;
// the build needs no libcurl headers.
#include "chttp.h"
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

// curl.h: CURLOPTTYPE_LONG 0, CURLOPTTYPE_OBJECTPOINT 10000, CURLOPTTYPE_FUNCTIONPOINT 20000.
enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_ERRORBUFFER = 10010,
    OPT_USERAGENT = 10018,
    OPT_LOW_SPEED_LIMIT = 19,
    OPT_LOW_SPEED_TIME = 20,
    OPT_TIMEOUT = 13,
    OPT_FOLLOWLOCATION = 52,
    OPT_CONNECTTIMEOUT = 78,
    OPT_NOSIGNAL = 99,
    OPT_WRITEFUNCTION = 20011,
};
// curl.h: CURLINFO_LONG 0x200000, CURLINFO_OFF_T 0x600000.
enum {
    INFO_RESPONSE_CODE = 0x200000 + 2,
    INFO_CONTENT_LENGTH_DOWNLOAD_T = 0x600000 + 15,
};
enum { CURL_ERROR_SIZE = 256, CURLE_WRITE_ERROR = 23 };

typedef void *(*easy_init_f)(void);
typedef int (*easy_setopt_f)(void *, int, ...);
typedef int (*easy_perform_f)(void *);
typedef int (*easy_getinfo_f)(void *, int, ...);
typedef void (*easy_cleanup_f)(void *);
typedef const char *(*easy_strerror_f)(int);

struct curl {
    easy_init_f init;
    easy_setopt_f setopt;
    easy_perform_f perform;
    easy_getinfo_f getinfo;
    easy_cleanup_f cleanup;
    easy_strerror_f strerror;
};

static int load(struct curl *curl, char *message, size_t size) {
#if defined(__APPLE__)
    const char *names[] = {"libcurl.4.dylib", "libcurl.dylib", NULL};
#else
    const char *names[] = {"libcurl.so.4", "libcurl.so", NULL};
#endif
    void *library = NULL;
    for (int i = 0; names[i] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(message, size, "libcurl could not be loaded (%s); install it (Debian: apt-get install libcurl4)", why ? why : names[0]);
        return 0;
    }
    curl->init = (easy_init_f)dlsym(library, "curl_easy_init");
    curl->setopt = (easy_setopt_f)dlsym(library, "curl_easy_setopt");
    curl->perform = (easy_perform_f)dlsym(library, "curl_easy_perform");
    curl->getinfo = (easy_getinfo_f)dlsym(library, "curl_easy_getinfo");
    curl->cleanup = (easy_cleanup_f)dlsym(library, "curl_easy_cleanup");
    curl->strerror = (easy_strerror_f)dlsym(library, "curl_easy_strerror");
    if (!curl->init || !curl->setopt || !curl->perform || !curl->getinfo || !curl->cleanup || !curl->strerror) {
        snprintf(message, size, "the libcurl loaded lacks curl_easy_init, curl_easy_setopt, curl_easy_perform, curl_easy_getinfo, curl_easy_cleanup or curl_easy_strerror");
        return 0;
    }
    return 1;
}

struct transfer {
    struct curl *curl;
    void *handle;
    edgeplan_http_chunk chunk;
    void *context;
    edgeplan_http_result *result;
    int started;
};

static size_t on_body(char *bytes, size_t size, size_t count, void *data) {
    struct transfer *t = data;
    size_t total = size * count;
    if (!t->started) {
        t->started = 1;
        long status = 0;
        t->curl->getinfo(t->handle, INFO_RESPONSE_CODE, &status);
        t->result->status = status;
        long long length = -1;
        if (t->curl->getinfo(t->handle, INFO_CONTENT_LENGTH_DOWNLOAD_T, &length) != 0) length = -1;
        t->result->length = length;
    }
    // Only a 200 answer's body is wanted; any other is told by its status alone.
    if (t->result->status != 200) return total;
    if (!t->chunk(t->context, bytes, total, t->result->length)) {
        t->result->stopped = 1;
        return total == 0 ? 1 : 0;  // anything but `total` makes libcurl stop with CURLE_WRITE_ERROR
    }
    return total;
}

void edgeplan_http_get(const char *url, const char *user_agent, long idle_seconds, long total_seconds,
                       edgeplan_http_chunk chunk, void *context, edgeplan_http_result *result) {
    static struct curl curl;
    static int loaded = 0;
    memset(result, 0, sizeof *result);
    if (!loaded) {
        if (!load(&curl, result->message, sizeof result->message)) {
            result->outcome = 1;
            return;
        }
        loaded = 1;
    }
    void *handle = curl.init();
    if (!handle) {
        result->outcome = 1;
        snprintf(result->message, sizeof result->message, "libcurl could not start a transfer (curl_easy_init failed)");
        return;
    }
    char errors[CURL_ERROR_SIZE + 1];
    errors[0] = 0;
    struct transfer t = {&curl, handle, chunk, context, result, 0};
    result->length = -1;
    curl.setopt(handle, OPT_URL, url);
    curl.setopt(handle, OPT_USERAGENT, user_agent);
    curl.setopt(handle, OPT_ERRORBUFFER, errors);
    curl.setopt(handle, OPT_WRITEFUNCTION, on_body);
    curl.setopt(handle, OPT_WRITEDATA, &t);
    curl.setopt(handle, OPT_FOLLOWLOCATION, 0L);
    curl.setopt(handle, OPT_NOSIGNAL, 1L);
    curl.setopt(handle, OPT_CONNECTTIMEOUT, idle_seconds);
    curl.setopt(handle, OPT_LOW_SPEED_LIMIT, 1L);
    curl.setopt(handle, OPT_LOW_SPEED_TIME, idle_seconds);
    curl.setopt(handle, OPT_TIMEOUT, total_seconds);
    int code = curl.perform(handle);
    if (!t.started) {
        long status = 0;
        curl.getinfo(handle, INFO_RESPONSE_CODE, &status);
        result->status = status;
        long long length = -1;
        if (curl.getinfo(handle, INFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == 0) result->length = length;
    }
    if (code != 0 && !(code == CURLE_WRITE_ERROR && result->stopped)) {
        result->outcome = 2;
        result->curl_code = code;
        snprintf(result->message, sizeof result->message, "%s", errors[0] ? errors : curl.strerror(code));
        size_t n = strlen(result->message);
        while (n > 0 && (result->message[n - 1] == '\n' || result->message[n - 1] == ' ')) result->message[--n] = 0;
    }
    curl.cleanup(handle);
}
