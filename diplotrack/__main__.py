from diplotrack.cli import main

main()
