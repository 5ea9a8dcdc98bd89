module example.com/shop-admin/server

go 1.22
