import asyncio

from vclock import VirtualTimeLoop, vprint


async def job():
    await asyncio.sleep(0.2)
    vprint("task: done")
    return 42


async def main():
    task = asyncio.create_task(job())
    await asyncio.sleep(0.1)
    vprint("main: still waiting for the task")
    answer = await task
    vprint(f"main: the task returned {answer}")


# What `run(main())` does, in substance: make a loop, run main on it until
# it completes, close it.
loop = VirtualTimeLoop()  # asyncio.new_event_loop(), on the virtual clock
try:
    loop.run_until_complete(main())
finally:
    loop.close()
