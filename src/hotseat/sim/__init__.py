"""Simulated trainees: a measuring instrument for the customer.

Scripted trainee policies, from excellent to rude, play many calls against each
scenario so a change to the customer can be judged by what it does to whole
populations of calls (who resolves, who gets hung up on, how they score) rather
than by one hand-played conversation.
"""
