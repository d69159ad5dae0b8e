import asyncio
import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from vclock import run


async def main():
    # A fresh directory of our own, named by the process id.
    folder = Path(tempfile.gettempdir()) / f"ch21-01-twin-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "data.txt"
    path.write_text("one\ntwo\nthree\n")

    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=1))

    started = asyncio.Event()
    release = threading.Event()

    def hold():
        print("blocker: holding the only worker thread")
        loop.call_soon_threadsafe(started.set)
        release.wait()
        print("blocker: released, returning its thread")

    blocker = asyncio.create_task(asyncio.to_thread(hold))
    await started.wait()

    async def read():
        data = await asyncio.to_thread(path.read_bytes)
        print(f"read: {len(data)} bytes")

    reading = asyncio.create_task(read())
    for _ in range(100):
        await asyncio.sleep(0)
    print(f"main: after 100 yields, the read is done: {reading.done()}")

    release.set()
    await blocker
    await reading
    shutil.rmtree(folder)


run(main())
