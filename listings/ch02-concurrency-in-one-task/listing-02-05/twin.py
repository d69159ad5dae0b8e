import asyncio

from vclock import run, vprint


async def producer(queue):
    for n in range(1, 7):
        await asyncio.sleep(0.1)
        vprint(f"sent {n}")
        await queue.put(n)
    # asyncio.Queue cannot be closed: None marks the end.
    await queue.put(None)


async def read_pair(queue):
    first = await queue.get()
    if first is None:
        return None
    try:
        second = await queue.get()
    except asyncio.CancelledError:
        vprint(f"read_pair: cancelled while holding {first}")
        raise
    if second is None:
        return None
    return (first, second)


async def consumer(queue):
    loop = asyncio.get_running_loop()
    next_heartbeat = loop.time() + 0.15
    while True:
        try:
            pair = await asyncio.wait_for(
                read_pair(queue), next_heartbeat - loop.time()
            )
        except TimeoutError:
            # wait_for cancelled read_pair, then raised this.
            vprint("heartbeat")
            next_heartbeat += 0.3
            continue
        if pair is None:
            break
        vprint(f"got {pair}")
    vprint("queue finished")


async def main():
    queue = asyncio.Queue(8)
    await asyncio.gather(producer(queue), consumer(queue))


run(main())
