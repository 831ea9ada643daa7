// Bottleneck ships no types for its light build, which has the same API minus Redis clustering.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
