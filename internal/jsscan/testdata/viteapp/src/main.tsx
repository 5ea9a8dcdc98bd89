import { createRoot } from 'react-dom/client'
import './index.css'
import Logo from './logo.svg?react'
import viteLogo from '/vite.svg' // served from public/
import { App } from '~/App'

createRoot(document.getElementById('root')!).render(<><Logo /><img src={viteLogo} /><App /></>)
