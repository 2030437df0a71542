/* SPDX-License-Identifier: MIT */
/* recent.c - the last few short strings looked up, and what they gave. */
#include "internal.h"
#include "recent.h"

void fnl_recent_put(struct fnl_recent *r, const char *s, size_t len,
		    int64_t value)
{
	unsigned i = r->next++ % FNL_ARRAY_SIZE(r->len);
	uint64_t w[3];

	if (len > FNL_RECENT_MAX)
		return;
	fnl_recent_words(s, len, w);
	for (int k = 0; k < 3; k++)
		r->w[k][i] = w[k];
	r->len[i] = (uint8_t)len;
	r->value[i] = value;
	r->used |= (uint8_t)(1u << i);
	r->slot[fnl_recent_slot(s, len)] = (uint8_t)(i + 1);
}

void fnl_recent_clear(struct fnl_recent *r)
{
	*r = (struct fnl_recent){ 0 };
}
