/**
 * Minimum-cost maximum flow (successive shortest paths with Johnson
 * potentials and a binary heap), the exact solver behind mentor matching.
 *
 * Mentees and mentors form a bipartite network: source → mentee (capacity 1),
 * mentee → mentor (capacity 1, cost of the pair), mentor → sink (capacity =
 * free places). The minimum-cost maximum flow pairs as many mentees as the
 * capacities allow and, among all such assignments, has the least total cost
 * — an optimum, not a greedy approximation. Costs must be non-negative
 * integers, so the first shortest path needs no Bellman–Ford pass and the
 * result is exact and deterministic (edges are explored in insertion order).
 */

export class FlowNetwork {
  private readonly n: number;
  private head: Int32Array;
  private to: number[] = [];
  private next: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];

  constructor(nodes: number) {
    this.n = nodes;
    this.head = new Int32Array(nodes).fill(-1);
  }

  /** Adds an edge and its residual twin; returns the edge's index (for `flowOn`). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost) || cost < 0) throw new Error(`edge cost must be a non-negative integer, got ${cost}`);
    const e = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return e;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }

  /** Units of flow on an edge after `solve`. */
  flowOn(edge: number): number {
    return this.cap[edge ^ 1]!;
  }

  /** Sends as much flow as possible from `source` to `sink` at the least cost. */
  solve(source: number, sink: number): { flow: number; cost: number } {
    const { n } = this;
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const prevEdge = new Int32Array(n);
    let flow = 0;
    let total = 0;
    for (;;) {
      dist.fill(Infinity);
      prevEdge.fill(-1);
      dist[source] = 0;
      const heap = new MinHeap();
      heap.push(0, source);
      while (heap.size > 0) {
        const [d, u] = heap.pop();
        if (d > dist[u]!) continue;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          const nd = d + this.cost[e]! + potential[u]! - potential[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            prevEdge[v] = e;
            heap.push(nd, v);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      for (let v = 0; v < n; v++) if (dist[v] !== Infinity) potential[v] = potential[v]! + dist[v]!;
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[prevEdge[v]! ^ 1]!) push = Math.min(push, this.cap[prevEdge[v]!]!);
      for (let v = sink; v !== source; v = this.to[prevEdge[v]! ^ 1]!) {
        const e = prevEdge[v]!;
        this.cap[e] = this.cap[e]! - push;
        this.cap[e ^ 1] = this.cap[e ^ 1]! + push;
        total += push * this.cost[e]!;
      }
      flow += push;
    }
    return { flow, cost: total };
  }
}

/** A binary min-heap of (key, node); equal keys pop by node number, so every run explores the same order. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! < key || (keys[p] === key && nodes[p]! <= node)) break;
      keys[i] = keys[p]!;
      nodes[i] = nodes[p]!;
      i = p;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): [number, number] {
    const { keys, nodes } = this;
    const top: [number, number] = [keys[0]!, nodes[0]!];
    const lastKey = keys.pop()!;
    const lastNode = nodes.pop()!;
    const size = keys.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && (keys[r]! < keys[l]! || (keys[r] === keys[l] && nodes[r]! < nodes[l]!)) ? r : l;
        if (keys[c]! > lastKey || (keys[c] === lastKey && nodes[c]! >= lastNode)) break;
        keys[i] = keys[c]!;
        nodes[i] = nodes[c]!;
        i = c;
      }
      keys[i] = lastKey;
      nodes[i] = lastNode;
    }
    return top;
  }
}
