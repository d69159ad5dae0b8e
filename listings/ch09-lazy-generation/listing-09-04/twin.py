from vclock import run, vprint


class Reset(Exception):
    pass


async def running_total():
    total = 0
    try:
        while True:
            try:
                n = yield total
                total += n
            except Reset:
                vprint("  generator: reset")
                total = 0
    finally:
        vprint("  generator: closed")


async def main():
    totals = running_total()
    # The first asend must send None: it runs the body to its first yield.
    await totals.asend(None)
    for n in [5, 3, 4]:
        total = await totals.asend(n)
        vprint(f"consumer: added {n}, total {total}")
        if total > 7:
            total = await totals.athrow(Reset())
            vprint(f"consumer: reset, total {total}")
    await totals.aclose()
    vprint("consumer: closed the generator")


run(main())
