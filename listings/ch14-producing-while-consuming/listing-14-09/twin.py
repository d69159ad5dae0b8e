import asyncio

from vclock import run, vprint

DONE = object()


class Made:
    """Counts the items made and not yet received, and the most at once."""

    def __init__(self):
        self.now = 0
        self.peak = 0


async def make(n, made):
    await asyncio.sleep(0.01)  # making an item takes 10 ms
    made.now += 1
    made.peak = max(made.peak, made.now)
    vprint(f"producer: made {n} ({made.now} made, not yet received)")
    return n


async def producer(queue, made):
    for n in range(1, 7):
        # The item exists before `put` knows whether there is room.
        await queue.put(await make(n, made))
    await queue.put(DONE)


async def main():
    made = Made()
    queue = asyncio.Queue(maxsize=2)
    producing = asyncio.create_task(producer(queue, made))
    while (n := await queue.get()) is not DONE:
        made.now -= 1
        vprint(f"consumer: got {n}")
        await asyncio.sleep(0.1)
    await producing
    vprint(f"at most {made.peak} made and not yet received, capacity 2")


run(main())
