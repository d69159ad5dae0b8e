import asyncio

from vclock import run, vprint

# The loop keeps only weak references to tasks: we keep strong ones.
background_tasks = set()


async def ticker():
    try:
        for tick in range(1, 4):
            await asyncio.sleep(0.1)
            vprint(f"task: tick {tick}")
        vprint("task: done")
    except asyncio.CancelledError:
        vprint("task: got CancelledError, the loop is shutting down")
        raise


async def main():
    task = asyncio.create_task(ticker())
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    del task
    vprint("main: dropped its own reference to the task")

    await asyncio.sleep(0.25)
    vprint("main: returning, and run() cancels the tasks left")


run(main())
