// `node --import ./record-loads.mjs …`: appends the URL of every module the process
// loads to the file named by HERALD_LOAD_LOG, one per line (the hooks run in their own
// thread, so they write to a file rather than to a variable of the process).
import {register} from 'node:module'

register('./record-loads-hooks.mjs', import.meta.url)
