import asyncio

from vclock import run, vprint


async def child():
    vprint("child: start")
    try:
        for tick in range(1, 5):
            await asyncio.sleep(0.4)
            vprint(f"child: tick {tick}")
    except asyncio.CancelledError:
        vprint("child: got CancelledError")
        raise
    vprint("child: done")


async def parent():
    async with asyncio.TaskGroup() as group:
        group.create_task(child())
        vprint("parent: created a child in a TaskGroup, awaiting it")
    vprint("parent: the child is done")


async def main():
    try:
        async with asyncio.timeout(1.0):
            await parent()
    except TimeoutError:
        vprint("main: the timeout cancelled the parent")
    await asyncio.sleep(0.8)
    vprint("main: done")


run(main())
