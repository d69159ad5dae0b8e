import asyncio
import contextlib

from vclock import run, vprint


async def numbers(label):
    try:
        i = 0
        while True:
            i += 1
            vprint(f"  {label}: produced {i}")
            yield i
    finally:
        vprint(f"  {label}: connection closed")


async def read_three(gen):
    async for i in gen:
        vprint(f"consumer: got {i}")
        if i == 3:
            vprint("consumer: that is enough")
            break


async def main():
    vprint("-- without aclose")
    plain = numbers("plain")
    await read_three(plain)
    vprint("consumer: after the loop")
    # The last reference: the loop's finalizer hook then schedules
    # aclose() as a task.
    del plain
    vprint("consumer: dropped the last reference")
    await asyncio.sleep(0.1)
    vprint("consumer: slept 100 ms")

    vprint("-- with contextlib.aclosing")
    async with contextlib.aclosing(numbers("closed")) as closed:
        await read_three(closed)
        vprint("consumer: after the loop")
    vprint("consumer: after the async with")


run(main())
