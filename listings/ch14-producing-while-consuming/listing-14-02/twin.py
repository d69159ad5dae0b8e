import asyncio

from vclock import run, vprint


async def produce(n):
    vprint(f"producer: making {n}")
    await asyncio.sleep(0.1)  # producing an item takes 100 ms
    return n


async def consume(n):
    vprint(f"consumer: got {n}")
    await asyncio.sleep(0.1)  # consuming an item takes 100 ms


# Put after the last item: before 3.13 a queue cannot be closed.
DONE = object()


async def producer(queue, count):
    for n in range(1, count + 1):
        await queue.put(await produce(n))  # waits while the queue is full
    await queue.put(DONE)


async def main():
    queue = asyncio.Queue(maxsize=1)
    producing = asyncio.create_task(producer(queue, 5))
    while (n := await queue.get()) is not DONE:
        await consume(n)
    await producing
    vprint("all done")


run(main())
