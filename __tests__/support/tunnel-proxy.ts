// A forward proxy as self-hosted runners have: it answers CONNECT and tunnels to the local GitHub
// server whatever host was asked for, and records the hosts, so a test can tell what went through it.
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'

export interface TunnelProxy {
  server: Server
  /** `http://127.0.0.1:PORT`, for HTTP_PROXY / HTTPS_PROXY. */
  url: string
  /** `host:port` of every CONNECT, in order. */
  connects: string[]
  close(): Promise<void>
}

export function startTunnelProxy(targetPort: number): Promise<TunnelProxy> {
  const connects: string[] = []
  const server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'))
  server.on('connect', (req, socket, head) => {
    connects.push(req.url ?? '')
    const upstream = connect(targetPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connects, close }))
  )
}
