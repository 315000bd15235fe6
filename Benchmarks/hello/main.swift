// The floor of the speed benchmark: a whole Swift process that loads Foundation and prints a line.
import Foundation

print(String(format: "hello, %@", "world"))
