import asyncio
import tracemalloc

COUNT = 20_000  # a fiftieth of Listing 10-3's million: tracing is slow
MIB = 1024 * 1024


async def records(count):
    """The async generator of Listing 10-1's twin, consumed one record
    at a time."""
    for i in range(count):
        yield f"record {i}"


async def total_len_streamed():
    total = 0
    async for record in records(COUNT):
        total += len(record)
    return total


async def fetch_record(i):
    """One record, made when the caller awaits it."""
    return f"record {i}"


async def total_len_awaited():
    """No generator: a loop that awaits each record and is done with it
    before the next."""
    total = 0
    for i in range(COUNT):
        record = await fetch_record(i)
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


async def main():
    total, peak = await peak_heap(total_len_streamed())
    print(
        f"async generator, one at a time: {total} bytes of records, "
        f"peak {bound(peak)}"
    )
    total, peak = await peak_heap(total_len_awaited())
    print(
        f"await loop, one at a time:      {total} bytes of records, "
        f"peak {bound(peak)}"
    )


asyncio.run(main())
