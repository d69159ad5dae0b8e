use std::time::Duration;
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader,
    DuplexStream, Lines, duplex,
};
use tokio::time::{error::Elapsed, sleep, timeout};
use vclock::vprintln;

// ANCHOR: ask
/// Sends one request line and waits at most one second for the reply.
/// Any stream will do: a `TcpStream`, or a `DuplexStream` in a test.
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
// ANCHOR_END: ask

// ANCHOR: peers
/// Reads one request, takes 300 ms over it, then replies.
async fn slow_peer(stream: DuplexStream) {
    let mut conn = BufReader::new(stream).lines();
    let request = conn.next_line().await.unwrap().unwrap();
    sleep(Duration::from_millis(300)).await;
    let reply = format!("{}\n", request.replace("ping", "pong"));
    conn.get_mut()
        .get_mut()
        .write_all(reply.as_bytes())
        .await
        .unwrap();
}

/// Reads one request and never replies; keeps the stream open until
/// the client closes its end.
async fn silent_peer(stream: DuplexStream) {
    let mut conn = BufReader::new(stream).lines();
    let _request = conn.next_line().await.unwrap();
    let _eof = conn.next_line().await;
}
// ANCHOR_END: peers

async fn client(name: &str, stream: DuplexStream) {
    let mut conn = BufReader::new(stream).lines();
    match ask(&mut conn, "ping").await {
        Ok(reply) => vprintln!("{name}: {reply:?}"),
        Err(_) => vprintln!("{name}: no reply within 1 s"),
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    // ANCHOR: main
    let (to_slow, slow_end) = duplex(64);
    let (to_silent, silent_end) = duplex(64);
    let slow = tokio::spawn(slow_peer(slow_end));
    let silent = tokio::spawn(silent_peer(silent_end));
    tokio::join!(
        client("slow peer's client", to_slow),
        client("silent peer's client", to_silent),
    );
    // ANCHOR_END: main
    slow.await.unwrap();
    silent.await.unwrap();
}
