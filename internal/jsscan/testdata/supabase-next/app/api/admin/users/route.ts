import { NextResponse } from 'next/server';
import { supabaseAdmin } from '@/integrations/supabase/admin';

export async function GET() {
  const { data } = await supabaseAdmin.auth.admin.listUsers();
  return NextResponse.json(data);
}
