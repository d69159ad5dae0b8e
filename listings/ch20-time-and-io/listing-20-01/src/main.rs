use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::time::{error::Elapsed, timeout};
use vclock::vprintln;

// ANCHOR: server
/// Answers "ping 1" at once. Answers "ping 2" only once the client says
/// it gave up, so that the reply is late on every run, not just some.
async fn server(listener: TcpListener, gave_up: oneshot::Receiver<()>) {
    let (stream, _) = listener.accept().await.expect("a client connects");
    let mut conn = BufReader::new(stream).lines();
    let mut gave_up = Some(gave_up);
    while let Some(request) = conn.next_line().await.expect("reads") {
        if request == "ping 2" {
            let signal = gave_up.take().expect("one ping 2");
            signal.await.expect("the client signals");
        }
        let reply = request.replace("ping", "pong");
        let stream = conn.get_mut().get_mut();
        stream
            .write_all(format!("{reply}\n").as_bytes())
            .await
            .unwrap();
    }
}
// ANCHOR_END: server

// ANCHOR: ask
/// Sends one request line and waits at most one second for the reply.
async fn ask(
    conn: &mut Lines<BufReader<TcpStream>>,
    request: &str,
) -> Result<String, Elapsed> {
    let stream = conn.get_mut().get_mut();
    stream
        .write_all(format!("{request}\n").as_bytes())
        .await
        .unwrap();
    let reply = timeout(Duration::from_secs(1), conn.next_line()).await?;
    Ok(reply
        .expect("reads")
        .expect("the server replies before closing"))
}
// ANCHOR_END: ask

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    vclock::start();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (give_up, gave_up) = oneshot::channel();
    let serving = tokio::spawn(server(listener, gave_up));

    // ANCHOR: main
    let stream = TcpStream::connect(addr).await.unwrap();
    let mut conn = BufReader::new(stream).lines();

    // No timer is pending: the runtime waits for the socket.
    let stream = conn.get_mut().get_mut();
    stream.write_all(b"ping 1\n").await.unwrap();
    let reply = conn.next_line().await.unwrap().unwrap();
    vprintln!("client: {reply:?}, no timeout around the read");

    // A timer is pending: when every task waits, the clock jumps to it.
    match ask(&mut conn, "ping 2").await {
        Ok(reply) => vprintln!("client: {reply:?} within the second"),
        Err(_) => vprintln!("client: no reply within 1 s of virtual time"),
    }
    give_up.send(()).unwrap();
    let late = conn.next_line().await.unwrap().unwrap();
    vprintln!("client: {late:?} arrives once the server is told");
    // ANCHOR_END: main

    drop(conn);
    serving.await.unwrap();
}
