/* A function for the uprobe test to probe: the test calls it through FFM a known number of times. */
__attribute__((noinline, visibility("default"))) int ebpfx_uprobe_target(int value)
{
	__asm__ volatile("" ::: "memory");
	return value + 1;
}
