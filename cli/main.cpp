#include <cstdio>
int main() { std::puts("jianfu: under construction"); return 2; }
