import { Orders, admin } from './orders'

const orders = new Orders('u1')
orders.get('o1')
console.log(admin)
