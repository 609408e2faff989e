/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- the generated protobuf classes ship untyped JavaScript */
import { createRequire } from 'node:module';

// Built from the client's own generated service definitions and its own grpc-js, so the wire is real.
const clientRequire = createRequire(require.resolve('@eventstore/db-client'));
const grpc = clientRequire('@grpc/grpc-js');
const streamsGrpc = clientRequire('../generated/streams_grpc_pb');
const streamsPb = clientRequire('../generated/streams_pb');
const sharedPb = clientRequire('../generated/shared_pb');

/** gRPC status codes, from the client's own grpc-js. */
export const grpcStatus: Readonly<Record<'UNAVAILABLE' | 'UNAUTHENTICATED', number>> = grpc.status;

type FakeRecord = Readonly<{
  streamId: string;
  id: string;
  revision: number;
  type: string;
  commit: bigint;
  data: string;
}>;

export type FakeEsdbOptions = Readonly<{
  /** HTTP/2 concurrent streams per connection; EventStoreDB's Kestrel allows about 100. */
  maxConcurrentStreams?: number;
  /** Bytes of padding per event, so a page cannot fit in the HTTP/2 flow-control window. */
  padding?: number;
  /** Ends every live subscription (status OK) after this many live events. */
  endSubscriptionAfter?: number;
  /** With `endSubscriptionAfter`: end it with this gRPC status code instead of OK. */
  endSubscriptionWith?: number;
}>;

/** A minimal EventStoreDB on 127.0.0.1 speaking the Streams service: reads, subscriptions, appends. */
export class FakeEsdbServer {
  readonly records: FakeRecord[] = [];
  /** Server-side Read calls not yet finished or cancelled. */
  openReads = 0;
  subscriptionCalls = 0;
  /** Set to hold every append's answer until {@link releaseAppends}. */
  holdAppends = false;
  private held: Array<() => void> = [];
  private readonly server: any;
  private port = 0;
  private readonly padding: string;

  constructor(private readonly options: FakeEsdbOptions = {}) {
    this.server = new grpc.Server({ 'grpc.max_concurrent_streams': options.maxConcurrentStreams ?? 100 });
    this.padding = 'x'.repeat(options.padding ?? 0);
    this.server.addService(streamsGrpc.StreamsService, {
      read: (call: any) => void this.read(call),
      append: (call: any, callback: any) => this.append(call, callback),
    });
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  async start(): Promise<this> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(
        '127.0.0.1:0',
        grpc.ServerCredentials.createInsecure(),
        (error: Error | null, port: number) => (error ? reject(error) : resolve(port)),
      ),
    );
    return this;
  }

  stop(): void {
    this.server.forceShutdown();
  }

  /** Appends `count` events to `stream` directly, as another writer would. */
  seed(stream: string, count: number): void {
    for (let i = 0; i < count; i++) this.store(stream, 'Seeded', JSON.stringify({ n: this.records.length }));
  }

  get heldAppends(): number {
    return this.held.length;
  }

  releaseAppends(): void {
    for (const release of this.held.splice(0)) release();
  }

  private store(streamId: string, type: string, data: string): FakeRecord {
    const revision = this.records.filter((r) => r.streamId === streamId).length;
    const n = this.records.length + 1;
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const record = { streamId, id, revision, type, commit: BigInt(n * 100), data };
    this.records.push(record);
    return record;
  }

  private async read(call: any): Promise<void> {
    this.openReads += 1;
    let open = true;
    const finish = (): void => {
      if (open) this.openReads -= 1;
      open = false;
    };
    call.on('cancelled', finish);
    try {
      const options = call.request.getOptions();
      if (options.hasSubscription()) {
        // A call ended with an error status must not be ended again.
        if (await this.subscribe(call, options, () => !open)) finish();
        return;
      }
      const backwards = options.getReadDirection() === 1;
      const count = Number(options.getCount());
      let selected: FakeRecord[];
      if (options.hasStream()) {
        const name = Buffer.from(options.getStream().getStreamIdentifier().getStreamName()).toString('utf8');
        const stream = this.records.filter((r) => r.streamId === name);
        if (stream.length === 0) {
          const notFound = new streamsPb.ReadResp.StreamNotFound();
          notFound.setStreamIdentifier(options.getStream().getStreamIdentifier());
          call.write(new streamsPb.ReadResp().setStreamNotFound(notFound));
          return;
        }
        const from = options.getStream().hasRevision()
          ? Number(options.getStream().getRevision())
          : undefined;
        selected = backwards
          ? stream.filter((r) => from === undefined || r.revision <= from).reverse()
          : stream.filter((r) => r.revision >= (from ?? 0));
      } else {
        const all = options.getAll();
        const at = all.hasPosition() ? BigInt(all.getPosition().getCommitPosition()) : undefined;
        selected = backwards
          ? this.records.filter((r) => at === undefined || r.commit < at).reverse()
          : this.records.filter((r) => at === undefined || r.commit >= at);
      }
      for (const record of selected.slice(0, count)) {
        if (!open) return;
        if (!call.write(this.response(record))) await drainedOrCancelled(call);
      }
    } finally {
      if (open) call.end();
      finish();
    }
  }

  /** Streams live events; true when it ended the call with an error status itself. */
  private async subscribe(call: any, options: any, cancelled: () => boolean): Promise<boolean> {
    this.subscriptionCalls += 1;
    call.write(new streamsPb.ReadResp().setConfirmation(new streamsPb.ReadResp.SubscriptionConfirmation()));
    const all = options.getAll();
    let next = all.hasPosition()
      ? this.records.findIndex((r) => r.commit > BigInt(all.getPosition().getCommitPosition()))
      : 0;
    if (next < 0) next = this.records.length;
    let sent = 0;
    const limit = this.options.endSubscriptionAfter ?? Number.POSITIVE_INFINITY;
    while (!cancelled() && sent < limit) {
      const record = this.records[next];
      if (record === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      call.write(this.response(record));
      next += 1;
      sent += 1;
    }
    const code = this.options.endSubscriptionWith;
    if (cancelled() || code === undefined) return false;
    call.emit('error', { code, details: `fake server ended the subscription with status ${code}` });
    return true;
  }

  private append(call: any, callback: any): void {
    let stream = '';
    const proposed: Array<{ type: string; data: string }> = [];
    call.on('data', (req: any) => {
      if (req.hasOptions()) {
        stream = Buffer.from(req.getOptions().getStreamIdentifier().getStreamName()).toString('utf8');
      } else {
        const message = req.getProposedMessage();
        proposed.push({
          type: message.getMetadataMap().get('type'),
          data: Buffer.from(message.getData_asU8()).toString('utf8'),
        });
      }
    });
    call.on('end', () => {
      const answer = (): void => {
        let last: FakeRecord | undefined;
        for (const { type, data } of proposed) last = this.store(stream, type, data);
        const position = new streamsPb.AppendResp.Position();
        position.setCommitPosition(String(last?.commit ?? 0n));
        position.setPreparePosition(String(last?.commit ?? 0n));
        const success = new streamsPb.AppendResp.Success();
        success.setCurrentRevision(String(last?.revision ?? 0));
        success.setPosition(position);
        callback(null, new streamsPb.AppendResp().setSuccess(success));
      };
      if (this.holdAppends) this.held.push(answer);
      else answer();
    });
  }

  private response(record: FakeRecord): any {
    const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
    recorded.setId(new sharedPb.UUID().setString(record.id));
    recorded.setStreamIdentifier(new sharedPb.StreamIdentifier().setStreamName(Buffer.from(record.streamId)));
    recorded.setStreamRevision(String(record.revision));
    recorded.setCommitPosition(String(record.commit));
    recorded.setPreparePosition(String(record.commit));
    recorded.getMetadataMap().set('type', record.type);
    recorded.getMetadataMap().set('content-type', 'application/json');
    recorded.getMetadataMap().set('created', '639000000000000000');
    const data =
      this.padding === '' ? record.data : JSON.stringify({ ...JSON.parse(record.data), pad: this.padding });
    recorded.setData(Buffer.from(data, 'utf8'));
    const event = new streamsPb.ReadResp.ReadEvent();
    event.setEvent(recorded);
    event.setCommitPosition(String(record.commit));
    return new streamsPb.ReadResp().setEvent(event);
  }
}

function drainedOrCancelled(call: any): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('cancelled', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
  });
}
