package a // want "tests=true"
