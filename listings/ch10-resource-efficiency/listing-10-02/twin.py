import asyncio
import tracemalloc

COUNT = 20_000  # a fiftieth of Listing 10-1's million: tracing is slow
MIB = 1024 * 1024


async def records(count):
    for i in range(count):
        yield f"record {i}"


async def total_len_collected():
    """The async generator of Listing 10-1's twin, collected into a list
    before use."""
    all_of_them = [record async for record in records(COUNT)]
    return sum(len(record) for record in all_of_them)


def total_len_iterated():
    """No async at all: a plain generator, consumed one record at a time."""
    total = 0
    for record in (f"record {i}" for i in range(COUNT)):
        total += len(record)
    return total


async def peak_heap(work):
    """Runs `work` and returns its result and the most bytes Python
    allocated meanwhile."""
    tracemalloc.start()
    result = await work
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


def bound(peak):
    """A bound rather than the exact figure, which varies a little with
    the Python build."""
    if peak < 1 * MIB:
        return "below 1 MiB"
    if peak > 5 * MIB:
        return "above 5 MiB"
    return "between 1 and 5 MiB"


async def iterated():
    return total_len_iterated()


async def main():
    total, peak = await peak_heap(total_len_collected())
    print(
        f"async generator, collected:     {total} bytes of records, "
        f"peak {bound(peak)}"
    )
    total, peak = await peak_heap(iterated())
    print(
        f"plain generator, one at a time: {total} bytes of records, "
        f"peak {bound(peak)}"
    )


asyncio.run(main())
