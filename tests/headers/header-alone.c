/* funnel.h includes everything it needs and is valid strict C11. */
#include "funnel.h"

int main(void)
{
	return FUNNEL_OK;
}
