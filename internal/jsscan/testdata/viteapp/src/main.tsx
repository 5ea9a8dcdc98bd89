import { createRoot } from 'react-dom/client'
import './index.css'
import Logo from './logo.svg?react'
import { App } from '~/App'

createRoot(document.getElementById('root')!).render(<><Logo /><App /></>)
