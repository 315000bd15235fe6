// libxml2 for Swift. Debian builds libxml2 with ICU, whose headers clash with Foundation's
// ('UErrorCode' has different definitions): hide ICU before the other libxml headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 treats as not concurrency-safe.
static inline void edgeplan_xml_free(void *p) { xmlFree(p); }
