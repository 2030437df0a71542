/* SPDX-License-Identifier: MIT */
/* u64map.c - a map from 64-bit keys to a count and a sum. */
#include <stdlib.h>

#include "internal.h"
#include "u64map.h"


/*
 * A map from 64-bit keys to a count and a sum: open addressing, linear
 * probing, the key 0 kept aside since it marks empty slots.
 */
static uint64_t mix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdu;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53u;
	return k ^ (k >> 33);
}

static struct fnl_u64_entry *u64map_slot(struct fnl_u64map *m, uint64_t key)
{
	size_t i = mix64(key) & m->mask;

	while (m->e[i].key != key + 1 && m->e[i].key)
		i = (i + 1) & m->mask;
	return &m->e[i];
}

static bool u64map_grow(struct fnl_u64map *m)
{
	size_t n = m->e ? (m->mask + 1) * 2 : 64;
	struct fnl_u64_entry *old = m->e, *e = fnl_huge_calloc(n, sizeof(*e));
	size_t oldn = m->e ? m->mask + 1 : 0;

	if (!e)
		return false;
	m->e = e;
	m->mask = n - 1;
	for (size_t i = 0; i < oldn; i++)
		if (old[i].key)
			*u64map_slot(m, old[i].key - 1) = old[i];
	if (old)
		fnl_huge_free(old, oldn, sizeof(*old));
	return true;
}

struct fnl_u64_entry *fnl_u64map_put(struct fnl_u64map *m, uint64_t key)
{
	struct fnl_u64_entry *e;

	if ((m->count + 1) * 2 > (m->e ? m->mask + 1 : 0) && !u64map_grow(m))
		return NULL;
	e = u64map_slot(m, key);
	if (!e->key) {
		e->key = key + 1;
		m->count++;
	}
	return e;
}

const struct fnl_u64_entry *fnl_u64map_get(const struct fnl_u64map *m,
					   uint64_t key)
{
	const struct fnl_u64_entry *e;

	if (!m->e)
		return NULL;
	e = u64map_slot((struct fnl_u64map *)m, key);
	return e->key ? e : NULL;
}

void fnl_u64map_free(struct fnl_u64map *m)
{
	if (m->e)
		fnl_huge_free(m->e, m->mask + 1, sizeof(*m->e));
	*m = (struct fnl_u64map){ 0 };
}

static size_t u64set_slot(const struct fnl_u64set *s, uint64_t key)
{
	size_t i = mix64(key) & s->mask;

	while (s->slot[i] != key + 1 && s->slot[i])
		i = (i + 1) & s->mask;
	return i;
}

static bool u64set_grow(struct fnl_u64set *s)
{
	size_t oldn = s->slot ? s->mask + 1 : 0, n = oldn ? oldn * 2 : 64;
	uint64_t *old = s->slot, *slot = fnl_huge_calloc(n, sizeof(*slot));

	if (!slot)
		return false;
	s->slot = slot;
	s->mask = n - 1;
	for (size_t i = 0; i < oldn; i++)
		if (old[i])
			slot[u64set_slot(s, old[i] - 1)] = old[i];
	if (old)
		fnl_huge_free(old, oldn, sizeof(*old));
	return true;
}

int fnl_u64set_add(struct fnl_u64set *s, uint64_t key)
{
	size_t i;

	if ((s->count + 1) * 2 > (s->slot ? s->mask + 1 : 0) && !u64set_grow(s))
		return -1;
	i = u64set_slot(s, key);
	if (s->slot[i])
		return 0;
	s->slot[i] = key + 1;
	s->count++;
	return 1;
}

void fnl_u64set_free(struct fnl_u64set *s)
{
	if (s->slot)
		fnl_huge_free(s->slot, s->mask + 1, sizeof(*s->slot));
	*s = (struct fnl_u64set){ 0 };
}
