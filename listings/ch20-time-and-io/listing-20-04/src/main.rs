use std::time::Duration;
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader, Lines,
};
use tokio::time::{error::Elapsed, timeout};
// ANCHOR: net
// The one line that picks the network: `use tokio::net::{...}` in the
// real service, turmoil's simulated twins of the same types here.
use turmoil::net::{TcpListener, TcpStream};
// ANCHOR_END: net

const PORT: u16 = 7000;

/// `println!` with the simulated milliseconds in front, as `vprintln!`.
macro_rules! sprintln {
    ($($arg:tt)*) => {
        println!(
            "[{:>5} ms] {}",
            turmoil::elapsed().as_millis(),
            format_args!($($arg)*)
        )
    };
}

// ANCHOR: server
/// The server, as it would be written for `tokio::net`: a task per
/// connection, one reply line per request line.
async fn serve(listener: TcpListener) -> std::io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        tokio::spawn(answer(stream));
    }
}

async fn answer<S: AsyncRead + AsyncWrite + Unpin>(stream: S) {
    let mut conn = BufReader::new(stream).lines();
    while let Ok(Some(request)) = conn.next_line().await {
        let reply = format!("{}\n", request.replace("ping", "pong"));
        let stream = conn.get_mut().get_mut();
        if stream.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}
// ANCHOR_END: server

/// Listing 20-2's client, unchanged.
async fn ask<S>(
    conn: &mut Lines<BufReader<S>>,
    request: &str,
) -> Result<String, Elapsed>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let stream = conn.get_mut().get_mut();
    stream
        .write_all(format!("{request}\n").as_bytes())
        .await
        .unwrap();
    let reply = timeout(Duration::from_secs(1), conn.next_line()).await?;
    Ok(reply
        .expect("reads")
        .expect("the peer replies before closing"))
}

fn report(request: &str, answer: Result<String, Elapsed>) {
    match answer {
        Ok(reply) => sprintln!("client: {request} -> {reply:?}"),
        Err(_) => sprintln!("client: {request} -> no reply within 1 s"),
    }
}

fn main() -> turmoil::Result {
    // ANCHOR: sim
    let mut sim = turmoil::Builder::new()
        .rng_seed(17)
        .min_message_latency(Duration::from_millis(50))
        .max_message_latency(Duration::from_millis(50))
        .build();

    sim.host("server", || async {
        let listener = TcpListener::bind(("0.0.0.0", PORT)).await?;
        serve(listener).await?;
        Ok(())
    });
    // ANCHOR_END: sim

    // ANCHOR: client
    sim.client("client", async {
        let stream = TcpStream::connect(("server", PORT)).await?;
        sprintln!("client: connected");
        let mut conn = BufReader::new(stream).lines();
        report("ping 1", ask(&mut conn, "ping 1").await);

        // Held: messages wait on the link, and arrive once released.
        turmoil::hold("client", "server");
        report("ping 2", ask(&mut conn, "ping 2").await);
        turmoil::release("client", "server");
        let late = conn.next_line().await?.expect("a line");
        sprintln!("client: after release, {late:?}");

        // Partitioned: messages are dropped, and repairing does not
        // bring them back.
        turmoil::partition("client", "server");
        report("ping 3", ask(&mut conn, "ping 3").await);
        turmoil::repair("client", "server");
        match timeout(Duration::from_secs(1), conn.next_line()).await {
            Ok(line) => sprintln!("client: after repair, {line:?}"),
            Err(_) => sprintln!("client: after repair, still nothing"),
        }
        Ok(())
    });
    // ANCHOR_END: client

    sim.run()?;
    println!("simulated time: {} ms", sim.elapsed().as_millis());
    Ok(())
}
