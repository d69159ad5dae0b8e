import asyncio

from vclock import run, vprint

DONE = object()


async def producer(queue, count):
    for n in range(1, count + 1):
        # Making an item is instant here; only `put` can make the
        # producer wait.
        await queue.put(n)
        vprint(f"producer: queued {n}")
    await queue.put(DONE)
    vprint("producer: finished")


async def main():
    queue = asyncio.Queue(maxsize=2)
    producing = asyncio.create_task(producer(queue, 6))
    while (n := await queue.get()) is not DONE:
        vprint(f"consumer: got {n}")
        await asyncio.sleep(0.1)  # a slow consumer
    await producing


run(main())
