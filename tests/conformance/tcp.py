# A loopback TCP server and a forked client: accept, connect, send, recv.
import os
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]
pid = os.fork()
if pid == 0:
    cli = socket.create_connection(("127.0.0.1", port))
    cli.sendall(b"ping\n")
    cli.recv(16)
    cli.close()
    os._exit(0)
conn, _ = srv.accept()
data = conn.recv(16)
conn.sendall(b"pong\n")
conn.close()
os.waitpid(pid, 0)
