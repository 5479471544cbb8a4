// The ack sender of bench/fanout.mjs (its default; `--node-sender` runs the
// undici one, bench/ack-sender.mjs, for comparison). Not part of the product.
// Why a C sender: the node sender stamps an answer when its event loop reads
// it, so an answer that arrived while the sender waited for a core (it runs
// at nice 0 beside the hub on two cores) was counted late — the bench's
// lateness, which `--probe` found the slow acks' longest overlap, not the
// hub's. Here the answer's arrival is the kernel's receive stamp of the read
// that completed it (SO_TIMESTAMPNS, as bench/sse-clients.c stamps the
// streams), which this process's wait for a core does not move. The send
// stamp is still this process's own (CLOCK_REALTIME just before write()): a
// wait for a core between the stamp and the write still counts, as does one
// that delays a send past its schedule (the stamp moves with the send).
// It sends what the node sender sends, as undici writes it (same path,
// headers, token, body; one write), over keep-alive HTTP/1.1 connections
// taken as undici's Pool takes them: the first idle one in the order they
// were opened, a new one while fewer than CONNECTIONS are open, else the ack
// queues until one is free. A connection the hub closed while idle (its
// keep-alive timeout) is opened again when next needed, inside that ack's time
// as with undici.
//   cc -O2 -o ack-sender ack-sender.c
//   ack-sender HOST PORT TOKEN CONNECTIONS OUTFILE
// stdin, one command a line: "acks RATE IDFILE" acks the incident ids in
// IDFILE (one a line) at RATE a second, open loop (each leaves on its
// schedule whether the last answered or not), and once every answer is in
// writes OUTFILE, a line an ack: "id status changed sent_ms kernel_ms read_ms"
// (ms since the epoch, CLOCK_REALTIME; changed is 1 when the answer says
// "changed":true), then prints "done N". It prints "ready" at start.
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
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS 64
#define MAX_ACKS 100000
#define TIMER_KEY UINT32_MAX

struct ack {
  char id[128];
  int status, changed;
  double sent, kernel, read;
};

struct conn {
  int fd, ack; // ack in flight, -1 when idle
  size_t len;
  char buf[16384];
};

static struct ack *acks;
static struct conn conns[MAX_CONNS];
static int n_conns, max_conns, ep, port;
static struct sockaddr_in addr;
static char host[64], token[512];

static void die(const char *what) {
  perror(what);
  exit(1);
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void open_conn(struct conn *c, uint32_t key) {
  int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  if (fd < 0) die("socket");
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect");
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one) < 0) die("SO_TIMESTAMPNS");
  fcntl(fd, F_SETFL, O_NONBLOCK);
  struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.u32 = key};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl");
  c->fd = fd;
  c->ack = -1;
  c->len = 0;
}

static void close_conn(struct conn *c) {
  epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  c->fd = -1;
}

/** Sends ack `a` on the first idle connection (opening one if need be); 0 when every connection is busy. */
static int send_ack(int a) {
  int k = 0;
  while (k < n_conns && conns[k].fd >= 0 && conns[k].ack >= 0) k++;
  if (k == n_conns) {
    if (n_conns == max_conns) return 0;
    n_conns++;
    conns[k].fd = -1;
  }
  struct conn *c = &conns[k];
  char req[1024];
  int len = snprintf(req, sizeof req,
                     "POST /v1/incidents/%s/ack HTTP/1.1\r\nhost: %s:%d\r\nconnection: keep-alive\r\nauthorization: Bearer %s\r\n"
                     "content-type: application/json\r\ncontent-length: 2\r\n\r\n{}",
                     acks[a].id, host, port, token);
  // Just before write(); before the connect when a connection is opened for it (undici's time holds its connect too).
  acks[a].sent = now_ms();
  if (c->fd < 0) open_conn(c, (uint32_t)k);
  c->ack = a;
  c->len = 0;
  if (write(c->fd, req, len) != len) die("write");
  return 1;
}

/** Whether `c`'s buffer holds a whole answer; fills in its ack's status and whether it changed the incident. */
static int answer_done(struct conn *c, int *keep) {
  char *end = memmem(c->buf, c->len, "\r\n\r\n", 4);
  if (!end) return 0;
  *end = 0;
  char *cl = strcasestr(c->buf, "\r\ncontent-length:");
  if (!cl) {
    fprintf(stderr, "ack-sender: an answer without content-length: %.80s\n", c->buf);
    exit(1);
  }
  size_t head = end + 4 - c->buf, body = strtoul(cl + 17, NULL, 10);
  *keep = !strcasestr(c->buf, "\r\nconnection: close");
  *end = '\r';
  if (c->len < head + body) return 0;
  struct ack *a = &acks[c->ack];
  a->status = atoi(c->buf + 9);
  a->changed = memmem(c->buf + head, body, "\"changed\":true", 14) != NULL;
  return 1;
}

/** Reads what `c` received; when it completes an answer, stamps it with the kernel's receive time of that read. */
static void on_readable(struct conn *c) {
  for (;;) {
    char control[256];
    struct iovec iov = {.iov_base = c->buf + c->len, .iov_len = sizeof c->buf - c->len};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof control};
    ssize_t got = recvmsg(c->fd, &msg, 0);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (got <= 0) {
      if (c->ack >= 0) {
        fprintf(stderr, "ack-sender: the hub closed a connection with ack %s in flight\n", acks[c->ack].id);
        exit(1);
      }
      close_conn(c); // idle, closed by the hub's keep-alive timeout: opened again when needed
      return;
    }
    double read_at = now_ms(), kernel_at = read_at;
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm))
      if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SO_TIMESTAMPNS) {
        struct timespec t;
        memcpy(&t, CMSG_DATA(cm), sizeof t);
        kernel_at = t.tv_sec * 1e3 + t.tv_nsec / 1e6;
      }
    c->len += got;
    if (c->ack < 0) {
      fprintf(stderr, "ack-sender: bytes from the hub with no ack in flight\n");
      exit(1);
    }
    int keep;
    if (!answer_done(c, &keep)) {
      if (c->len == sizeof c->buf) {
        fprintf(stderr, "ack-sender: an answer over %zu bytes\n", sizeof c->buf);
        exit(1);
      }
      continue;
    }
    acks[c->ack].kernel = kernel_at;
    acks[c->ack].read = read_at;
    c->ack = -1;
    c->len = 0;
    if (!keep) {
      close_conn(c);
      return;
    }
  }
}

/** One round: the ids in `file` acked at `rate` a second; returns how many. */
static int run_round(double rate, const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) die(file);
  int n = 0;
  while (n < MAX_ACKS && fscanf(f, "%127s", acks[n].id) == 1) acks[n++].sent = 0;
  fclose(f);
  int tfd = timerfd_create(CLOCK_MONOTONIC, 0);
  if (tfd < 0) die("timerfd_create");
  struct epoll_event tev = {.events = EPOLLIN, .data.u32 = TIMER_KEY};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &tev) < 0) die("epoll_ctl timer");
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  double start_ns = start.tv_sec * 1e9 + start.tv_nsec + 20e6;
  int next = 0, queued = 0, answered = 0; // ids [queued, next) are due and wait for a free connection
  while (answered < n) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    double now_ns = t.tv_sec * 1e9 + t.tv_nsec;
    while (next < n && start_ns + next * 1e9 / rate <= now_ns) next++;
    while (queued < next && send_ack(queued)) queued++;
    if (next < n) {
      double due = start_ns + next * 1e9 / rate;
      struct itimerspec at = {.it_value = {.tv_sec = (time_t)(due / 1e9), .tv_nsec = (long)(due - (double)(time_t)(due / 1e9) * 1e9)}};
      if (timerfd_settime(tfd, TFD_TIMER_ABSTIME, &at, NULL) < 0) die("timerfd_settime");
    }
    struct epoll_event ready[MAX_CONNS + 2];
    int k = epoll_wait(ep, ready, MAX_CONNS + 2, -1);
    if (k < 0 && errno != EINTR) die("epoll_wait");
    for (int r = 0; r < k; r++) {
      uint32_t key = ready[r].data.u32;
      if (key == TIMER_KEY) {
        uint64_t fired;
        if (read(tfd, &fired, sizeof fired) < 0 && errno != EAGAIN) die("read timerfd");
      } else {
        int was = conns[key].ack;
        on_readable(&conns[key]);
        if (was >= 0 && conns[key].ack < 0) answered++;
      }
    }
  }
  close(tfd);
  return n;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: ack-sender HOST PORT TOKEN CONNECTIONS OUTFILE\n");
    return 2;
  }
  snprintf(host, sizeof host, "%s", argv[1]);
  port = atoi(argv[2]);
  snprintf(token, sizeof token, "%s", argv[3]);
  max_conns = atoi(argv[4]);
  if (max_conns < 1 || max_conns > MAX_CONNS) max_conns = MAX_CONNS;
  const char *out = argv[5];
  addr = (struct sockaddr_in){.sin_family = AF_INET, .sin_port = htons(port)};
  if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) die("inet_pton (an IPv4 address)");
  acks = calloc(MAX_ACKS, sizeof *acks);
  ep = epoll_create1(0);
  if (ep < 0 || !acks) die("start");
  printf("ready\n");
  fflush(stdout);
  char line[4096];
  while (fgets(line, sizeof line, stdin)) {
    double rate;
    char file[4000];
    if (sscanf(line, "acks %lf %3999s", &rate, file) != 2 || rate <= 0) {
      fprintf(stderr, "ack-sender: unknown command: %s", line);
      return 2;
    }
    int n = run_round(rate, file);
    FILE *f = fopen(out, "w");
    if (!f) die(out);
    for (int a = 0; a < n; a++) fprintf(f, "%s %d %d %.4f %.4f %.4f\n", acks[a].id, acks[a].status, acks[a].changed, acks[a].sent, acks[a].kernel, acks[a].read);
    if (fclose(f)) die(out);
    printf("done %d\n", n);
    fflush(stdout);
  }
  return 0;
}
