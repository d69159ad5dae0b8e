import asyncio

from vclock import run, vprint


async def produce(n):
    vprint(f"producer: making {n}")
    await asyncio.sleep(0.1)  # producing an item takes 100 ms
    return n


async def consume(n):
    vprint(f"consumer: got {n}")
    await asyncio.sleep(0.1)  # consuming an item takes 100 ms


async def items(count):
    for n in range(1, count + 1):
        yield await produce(n)


async def main():
    async for n in items(5):
        await consume(n)
    vprint("all done")


run(main())
