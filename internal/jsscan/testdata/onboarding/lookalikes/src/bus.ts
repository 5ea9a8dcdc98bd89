type Listener = (event: string) => void

export const bus = {
  auth: {
    listeners: [] as Listener[],
    onAuthStateChange(cb: Listener) {
      this.listeners.push(cb)
    },
  },
}
