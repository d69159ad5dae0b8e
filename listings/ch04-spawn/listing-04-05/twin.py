import asyncio

from vclock import run, vprint


async def job():
    vprint("task: start, sleeping 1000 ms")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        vprint("task: got CancelledError, cleaning up for 50 ms")
        await asyncio.sleep(0.05)  # a cancelled coroutine can still await
        vprint("task: cleaned up")
        raise
    vprint("task: done")
    return 42


async def main():
    task = asyncio.create_task(job())

    await asyncio.sleep(0.1)
    task.cancel()
    vprint("main: called cancel()")

    try:
        value = await task
        vprint(f"main: the task returned {value}")
    except asyncio.CancelledError:
        vprint(
            "main: await raised CancelledError, "
            f"task.cancelled() = {task.cancelled()}"
        )


run(main())
