// Event-stream clients for bench/fanout.mjs --kernel-clients (not part of the
// product): N connections to GET /v1/events in one process, each read stamped
// with the time the kernel received it (SO_TIMESTAMPNS) as well as the time
// this process read it. The kernel's stamp does not wait for this process to
// get a core, so the bench can run its clients at the lowest priority, out of
// the hub's and the ack sender's way, and still measure when each event
// reached each client; the read stamp shows what waiting for a core added.
//   cc -O2 -o sse-clients sse-clients.c
//   sse-clients HOST PORT TOKEN N OUTFILE
// stdin commands, one per line: "mark" forgets what was read so far (answers
// "marked"); "dump" writes what was read since the mark to OUTFILE (answers
// "dumped"): records of u32 client, u32 length, f64 kernel ms, f64 read ms
// (both since the epoch, CLOCK_REALTIME), then the bytes (the HTTP head taken
// off a client's first read). It prints "open" once every stream answered 200,
// and "ended K" at a dump when K streams were closed by the hub.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static char *log_buf;
static size_t log_len, log_cap;

static void die(const char *what) {
  perror(what);
  exit(1);
}

static void append(const void *p, size_t n) {
  if (log_len + n > log_cap) {
    log_cap = (log_len + n) * 2 + (1 << 20);
    log_buf = realloc(log_buf, log_cap);
    if (!log_buf) die("realloc");
  }
  memcpy(log_buf + log_len, p, n);
  log_len += n;
}

static double ms_of(const struct timespec *t) { return t->tv_sec * 1e3 + t->tv_nsec / 1e6; }

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: sse-clients HOST PORT TOKEN N OUTFILE\n");
    return 2;
  }
  const char *host = argv[1], *token = argv[3], *out = argv[5];
  int port = atoi(argv[2]), n = atoi(argv[4]);
  int *fds = calloc(n, sizeof(int)), *in_body = calloc(n, sizeof(int)), *closed = calloc(n, sizeof(int));
  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  char request[4096];
  int reqlen = snprintf(request, sizeof request, "GET /v1/events HTTP/1.1\r\nhost: %s:%d\r\nauthorization: Bearer %s\r\naccept: text/event-stream\r\n\r\n", host, port, token);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) die("inet_pton (an IPv4 address)");
  for (int i = 0; i < n; i++) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1, rcvbuf = 16 << 20;
    if (fd < 0) die("socket");
    // A receive buffer to hold what comes while this process waits for a core
    // (it runs at nice 19): with the default one, a client not scheduled for a
    // while closes its TCP window, and the hub's writes wait for it to read,
    // which would make the kernel's stamps as late as the reads. Forced past
    // net.core.rmem_max where allowed (CAP_NET_ADMIN), else as far as it goes.
    // Set before connect, so the window scale can use it.
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf) < 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect");
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one) < 0) die("SO_TIMESTAMPNS");
    if (write(fd, request, reqlen) != reqlen) die("write");
    fcntl(fd, F_SETFL, O_NONBLOCK);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
    fds[i] = fd;
  }
  struct epoll_event ev0 = {.events = EPOLLIN, .data.u32 = UINT32_MAX};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev0) < 0) die("epoll_ctl stdin");
  static char data[256 * 1024], cmd[256];
  size_t cmd_len = 0;
  int opened = 0;
  struct epoll_event ready[256];
  for (;;) {
    int k = epoll_wait(ep, ready, 256, -1);
    if (k < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    for (int r = 0; r < k; r++) {
      uint32_t c = ready[r].data.u32;
      if (c == UINT32_MAX) {
        ssize_t got = read(0, cmd + cmd_len, sizeof cmd - 1 - cmd_len);
        if (got <= 0) return 0; // the bench went away
        cmd_len += got;
        char *nl;
        while ((nl = memchr(cmd, '\n', cmd_len))) {
          *nl = 0;
          if (!strcmp(cmd, "mark")) {
            log_len = 0;
            printf("marked\n");
          } else if (!strcmp(cmd, "dump")) {
            FILE *f = fopen(out, "wb");
            if (!f || fwrite(log_buf, 1, log_len, f) != log_len || fclose(f)) die("dump");
            int ended = 0;
            for (int i = 0; i < n; i++) ended += closed[i];
            printf("dumped %d\n", ended);
          }
          fflush(stdout);
          size_t used = nl + 1 - cmd;
          memmove(cmd, nl + 1, cmd_len - used);
          cmd_len -= used;
        }
        continue;
      }
      for (;;) {
        char control[256];
        struct iovec iov = {.iov_base = data, .iov_len = sizeof data};
        struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
        ssize_t got = recvmsg(fds[c], &msg, 0);
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        if (got <= 0) {
          closed[c] = 1;
          epoll_ctl(ep, EPOLL_CTL_DEL, fds[c], NULL);
          break;
        }
        struct timespec read_at, kernel_at = {0, 0};
        clock_gettime(CLOCK_REALTIME, &read_at);
        for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm))
          if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SO_TIMESTAMPNS) memcpy(&kernel_at, CMSG_DATA(cm), sizeof kernel_at);
        char *body = data;
        size_t len = got;
        if (!in_body[c]) {
          // The head and the stream's opening comment arrive first, together.
          if (strncmp(data, "HTTP/1.1 200", 12)) {
            fprintf(stderr, "GET /v1/events -> %.*s\n", (int)strcspn(data, "\r\n"), data);
            return 1;
          }
          char *end = memmem(data, got, "\r\n\r\n", 4);
          if (!end) {
            fprintf(stderr, "an event stream whose head did not come in one read\n");
            return 1;
          }
          body = end + 4;
          len = got - (body - data);
          in_body[c] = 1;
          if (++opened == n) {
            printf("open\n");
            fflush(stdout);
          }
        }
        uint32_t head[2] = {c, (uint32_t)len};
        double at[2] = {kernel_at.tv_sec ? ms_of(&kernel_at) : ms_of(&read_at), ms_of(&read_at)};
        append(head, sizeof head);
        append(at, sizeof at);
        append(body, len);
      }
    }
  }
}
