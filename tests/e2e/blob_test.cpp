// placeholder until the tests arrive
#include <gtest/gtest.h>
