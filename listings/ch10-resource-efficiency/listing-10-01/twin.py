import asyncio
import tracemalloc

COUNT = 20_000  # a fiftieth of Listing 10-1's million: tracing is slow
MIB = 1024 * 1024


async def records(count):
    """One record at a time, made when the consumer asks for it."""
    for i in range(count):
        yield f"record {i}"


async def all_records(count):
    """Every record made and stored before the caller sees any."""
    return [f"record {i}" for i in range(count)]


async def total_len_streamed():
    total = 0
    async for record in records(COUNT):
        total += len(record)
    return total


async def total_len_stored():
    return sum(len(record) for record in await all_records(COUNT))


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
    total, peak = await peak_heap(total_len_stored())
    print(
        f"list, all up front:             {total} bytes of records, "
        f"peak {bound(peak)}"
    )


asyncio.run(main())
